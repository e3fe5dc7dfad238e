"""Benchmark briefgen at archive scale and write benchmarks/results/<name>.json.

    python benchmarks/run.py --name baseline [--sizes 100,1000] [--jobs 2] [--profile]

Measures, on generated articles (benchmarks/generate.py, seed 1):
  - extraction words/s per language on one core (Extractor directly, in a child pinned to one
    CPU), with seconds per pipeline component and, with --profile, cProfile hot spots by module;
  - a full build (read, extract, render, write, mkdocs) of each size from an empty cache, in a
    child process, with briefgen's default workers: wall time, BuildResult.seconds, peak memory;
  - adding one article and regenerating docs/ (--no-site) with a warm cache, five times;
  - with --jobs N: extraction of the largest size from an empty cache with 1 and with N worker
    processes, and a full build with --jobs 1 (everything in one process).

Peak memory: each build runs in its own child reaped with os.wait4, whose ru_maxrss is that
child's peak resident set (Linux: KiB; the largest of the child and the descendants it waited
for, never their sum - RUSAGE_CHILDREN would be the maximum over every child ever reaped).
The sum over the process tree is sampled from /proc every 50 ms, as VmRSS (pages shared between
the processes counted once per process) and as PSS (shared pages split among them).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.append(str(REPO))  # for `benchmarks`; briefgen may come from PYTHONPATH (a snapshot)

from benchmarks.generate import generate_article, write_articles, write_project  # noqa: E402

WORK = HERE / "results" / "tmp"  # git-ignored
ADDS = 5  # +1 builds per size: the worker's start varies by a few tenths of a second from run to run


# ------------------------------------------------------------------ children
def child_speed(lang: str, n: int, profile: bool) -> dict:
    """Extraction speed on one core: Extractor's own loop, timed per component."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from briefgen.articles import parse_article
    from briefgen.extract import Extractor, briefing_from_doc

    articles = [parse_article(generate_article(i, seed=7, lang=lang)[1], f"a{i}.md") for i in range(n)]
    words = sum(len(a.body.split()) for a in articles)
    ex = Extractor()
    t0 = time.perf_counter()
    nlp = ex.nlp(lang)
    setup = time.perf_counter() - t0
    for a in articles[:2]:  # warm up: lazy word lists, HanTa model, regex caches
        ex(a)
    t0, c0 = time.perf_counter(), time.process_time()
    for a in articles:
        ex(a)
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    clock = time.process_time  # CPU seconds of this process: a busy machine does not inflate them
    parts: dict[str, float] = {"make_doc": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "briefing": 0.0}
    tokens = 0
    for a in articles:
        t = clock()
        doc = nlp.make_doc(a.body)
        doc._.pub_date = a.date
        parts["make_doc"] += clock() - t
        tokens += len(doc)
        for name, proc in nlp.pipeline:
            t = clock()
            doc = proc(doc)
            parts[name] += clock() - t
        t = clock()
        briefing_from_doc(a, doc)
        parts["briefing"] += clock() - t
    out = {"lang": lang, "articles": n, "words": words, "tokens": tokens, "seconds": round(total, 3),
           "words_per_s": round(words / total), "cpu_s": round(cpu, 3), "words_per_cpu_s": round(words / cpu),
           "pipeline_setup_s": round(setup, 3),
           "component_seconds": {k: round(v, 4) for k, v in parts.items()},
           "component_share": {k: round(v / sum(parts.values()), 3) for k, v in parts.items()}}
    if profile:
        out["profile"] = profile_extraction(ex, articles)
    return out


def profile_extraction(ex, articles) -> dict:
    import cProfile
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    for a in articles:
        ex(a)
    pr.disable()
    st = pstats.Stats(pr)
    by_module: dict[str, float] = {}
    funcs = []
    for (file, line, fn), (cc, nc, tt, ct, callers) in st.stats.items():
        mod = _module(file)
        by_module[mod] = by_module.get(mod, 0.0) + tt
        callers_of = sorted(((c[3], f"{_module(cf)}:{cl}:{cfn}") for (cf, cl, cfn), c in callers.items()),
                            reverse=True)[:3]
        funcs.append((tt, ct, nc, f"{mod}:{line}:{fn}", [f"{w} ({round(t, 3)} s)" for t, w in callers_of]))
    total = sum(by_module.values())
    funcs.sort(key=lambda f: -f[0])
    return {"total_s": round(total, 3),
            "tottime_by_module": {k: round(v, 3) for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:20]},
            "top_functions": [{"tottime": round(tt, 3), "cumtime": round(ct, 3), "calls": nc, "where": w,
                               "callers": cs} for tt, ct, nc, w, cs in funcs[:30]]}


def _module(file: str) -> str:
    p = file.replace("\\", "/")
    for marker in ("/briefgen/", "/site-packages/"):
        if marker in p:
            return p.split(marker, 1)[1]
    return p.rsplit("/", 1)[-1] if p.startswith("/") else p  # builtins: '~' and '<built-in method ...>'


def child_build(root: str, site: bool, jobs: int | None) -> dict:
    t0 = time.perf_counter()
    from briefgen.parallel import Worker

    worker = Worker() if jobs != 1 else None  # as `briefgen build` does: before importing the build
    from briefgen.build import build
    from briefgen.config import load_settings

    imports = time.perf_counter() - t0
    settings = load_settings(Path(root))
    result = build(settings, site=site, jobs=jobs, worker=worker)  # None: briefgen's default
    c = result.changes
    return {"articles": result.articles, "extracted": result.extracted, "reread": result.reread,
            "rendered": result.rendered, "jobs": jobs or "default", "seconds": result.seconds,
            "import_s": round(imports, 3), "build_s": (build_s := round(time.perf_counter() - t0 - imports, 3)),
            # from the last new briefing to the end of build(): rendering, writing, freeing
            "after_extraction_s": round(build_s - result.seconds.get("read", 0) - result.seconds.get("extract", 0), 3),
            "changes": {"added": len(c.added), "changed": len(c.changed), "removed": len(c.removed),
                        "unchanged": c.unchanged}}


# ------------------------------------------------------------------ parent side
def run_child(args: list[str], cwd: Path | None = None) -> dict:
    """Run `run.py _child ...`; -> its JSON plus wall time, ru_maxrss and sampled tree RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_child", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree, peak_pss = [0], [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak_tree[0] = max(peak_tree[0], tree_rss_kib(proc.pid))
            peak_pss[0] = max(peak_pss[0], tree_rss_kib(proc.pid, "Pss:", "smaps_rollup"))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(f"child {args} failed ({proc.returncode}):\n{err[-4000:]}")
    data = json.loads(out.strip().splitlines()[-1])
    data.update(wall_s=round(wall, 3), cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
                loadavg_after=round(os.getloadavg()[0], 2), maxrss_mib=round(usage.ru_maxrss / 1024, 1),
                tree_rss_peak_mib=round(peak_tree[0] / 1024, 1), tree_pss_peak_mib=round(peak_pss[0] / 1024, 1))
    return data


def tree_rss_kib(pid: int, field: str = "VmRSS:", source: str = "status") -> int:
    """Sum of `field` over the process tree of `pid`: VmRSS from /proc/*/status, or with
    source="smaps_rollup" and field="Pss:" the proportional set size, which splits pages
    shared between processes (libraries, copy-on-write) among them instead of counting
    them once per process."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/{source}") as f:
                for line in f:
                    if line.startswith(field):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def machine() -> dict:
    import spacy

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "briefgen"],
                                capture_output=True, text=True).stdout.strip())
    import briefgen

    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "spacy": spacy.__version__,
            "platform": platform.platform(), "commit": commit + ("+uncommitted briefgen/ changes" if dirty else ""),
            "briefgen_from": str(Path(briefgen.__file__).parent)}


def bench_size(n: int, jobs_compare: int | None, log) -> dict:
    root = WORK / f"n{n}"
    if root.exists():
        shutil.rmtree(root)
    write_project(root, n)
    log(f"[{n}] full build (empty cache) ...")
    full = run_child(["build", str(root), "site"])
    log(f"[{n}] full build {full['wall_s']} s, {full['maxrss_mib']} MiB, phases {full['seconds']}")
    noop = run_child(["build", str(root), "nosite"])
    log(f"[{n}] unchanged rebuild --no-site {noop['wall_s']} s")
    adds = []
    for k in range(ADDS):
        write_articles(root / "articles", n + k, 1)
        r = run_child(["build", str(root), "nosite"])
        adds.append(r)
        log(f"[{n}] +1 article --no-site: wall {r['wall_s']} s, build() {r['build_s']} s, after the new briefing "
            f"{r['after_extraction_s']} s, phases {r['seconds']}")
    out = {"articles": n, "full_build": full, "unchanged_rebuild_no_site": noop, "add_one_no_site": adds,
           "add_one_no_site_median": {
               "wall_s": statistics.median(r["wall_s"] for r in adds),
               "build_s": statistics.median(r["build_s"] for r in adds),
               "after_extraction_s": statistics.median(r["after_extraction_s"] for r in adds),
               "seconds": {k: statistics.median(r["seconds"].get(k, 0.0) for r in adds) for k in adds[0]["seconds"]}}}
    if jobs_compare:  # extraction from an empty cache, alternating jobs=1 and jobs=N, two rounds
        runs: dict[str, list] = {"1": [], str(jobs_compare): []}
        for _ in range(2):
            for j in (1, jobs_compare):
                shutil.rmtree(root / ".briefgen-cache", ignore_errors=True)
                r = run_child(["build", str(root), "nosite", str(j)])
                runs[str(j)].append(r)
                log(f"[{n}] jobs={j} --no-site from empty cache: extract {r['seconds'].get('extract')} s, "
                    f"cpu {r['cpu_s']} s, tree RSS peak {r['tree_rss_peak_mib']} MiB, load {r['loadavg_after']}")
        out["extract_jobs"] = {j: {"runs": rs, "extract_s_median": statistics.median(r["seconds"]["extract"] for r in rs)}
                               for j, rs in runs.items()}
        for sub in (".briefgen-cache", "docs", "site"):
            shutil.rmtree(root / sub, ignore_errors=True)
        r = run_child(["build", str(root), "site", "1"])
        out["full_build_jobs"] = {"jobs": 1, **r}
        log(f"[{n}] full build --jobs 1: {r['wall_s']} s, phases {r['seconds']}, "
            f"maxrss {r['maxrss_mib']} MiB, tree RSS {r['tree_rss_peak_mib']} MiB")
    return out


def summary(res: dict) -> str:
    rows = ["| measure | value |", "|---|---|"]
    for s in res["speed"]:
        rows.append(f"| extraction {s['lang']}, 1 core | {s['words_per_s']:,} words/s ({s['words']:,} words) |")
    for b in res["sizes"]:
        f, a = b["full_build"], b["add_one_no_site_median"]
        n = b["articles"]
        rows.append(f"| full build {n:,} articles | {f['wall_s']} s wall; phases {f['seconds']}; "
                    f"peak {f['maxrss_mib']} MiB per process, process tree {f['tree_pss_peak_mib']} MiB PSS "
                    f"({f['tree_rss_peak_mib']} MiB RSS) |")
        rows.append(f"| +1 article to {n:,}, --no-site (median of {len(b['add_one_no_site'])}) | {a['wall_s']} s wall, "
                    f"{a['build_s']} s in build(), {a['after_extraction_s']} s after the new briefing; "
                    f"phases {a['seconds']} |")
        if "full_build_jobs" in b:
            f = b["full_build_jobs"]
            rows.append(f"| full build {n:,} articles, --jobs {f['jobs']} | {f['wall_s']} s wall; phases {f['seconds']}; "
                        f"peak {f['maxrss_mib']} MiB |")
        for j, v in b.get("extract_jobs", {}).items():
            rows.append(f"| extraction of {n:,} articles, --jobs {j} (empty cache, median of 2) | "
                        f"{v['extract_s_median']} s; tree RSS peak {max(r['tree_rss_peak_mib'] for r in v['runs'])} MiB |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        kind, rest = argv[1], argv[2:]
        if kind == "speed":
            data = child_speed(rest[0], int(rest[1]), rest[2] == "profile")
        else:
            data = child_build(rest[0], rest[1] == "site", int(rest[2]) if len(rest) > 2 else None)
        print(json.dumps(data))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--name", default="latest", help="results file benchmarks/results/<name>.json")
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--speed-articles", type=int, default=60, help="articles per language for words/s")
    ap.add_argument("--jobs", type=int, default=2, help="also time extraction of the largest size with N jobs (0: skip)")
    ap.add_argument("--profile", action="store_true", help="cProfile the extraction, hot spots by module")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    WORK.mkdir(parents=True, exist_ok=True)
    res: dict = {"name": args.name, "when": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), "speed": []}
    for lang in ("de", "en"):
        s = run_child(["speed", lang, str(args.speed_articles), "profile" if args.profile else "-"])
        res["speed"].append(s)
        log(f"speed {lang}: {s['words_per_s']:,} words/s; components {s['component_share']}")
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]  # --sizes "": words/s only
    res["sizes"] = [bench_size(n, args.jobs if (args.jobs and n == max(sizes)) else None, log) for n in sizes]
    out = HERE / "results" / f"{args.name}.json"
    out.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(summary(res))
    log(f"written {out}")


if __name__ == "__main__":
    main()
