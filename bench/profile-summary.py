"""Summarises async-profiler's collapsed stacks (one line per stack: frames separated by ';', the first
being the thread, then a count) read on stdin: the share of CPU samples (or of bytes allocated, with
the arguments "alloc COUNT UNIT", which also give the bytes per one of COUNT requests or serials) per
kind of thread (Netty's event loops, Lettuce's, the JIT compiler, the garbage collector...), per layer
of the request path, and the methods most often on top of the stack. A layer's share is the samples
whose innermost frame of a known layer is that layer's (each sample counts once), so the shares add up,
unlike inclusive shares, where the filter that wraps the rest of the request counts the whole request."""
import collections
import re
import sys

# (layer, a frame belongs to it when its class name starts with one of these); the first match wins
LAYERS = [
    ("api: rate limit", ("com/serialtrust/api/security/RateLimitFilter",)),
    ("api: other web filters", ("com/serialtrust/api/security/RequestLimits", "com/serialtrust/api/security/AcceptFirst",
                                "com/serialtrust/api/security/PageHeaders", "com/serialtrust/api/verify/AssetCaching",
                                "com/serialtrust/api/security/ClientAddress", "com/serialtrust/api/verify/CompressedLinks")),
    ("the api's own code", ("com/serialtrust/",)),
    ("Spring Security (chain, firewall, headers)", ("org/springframework/security/",)),
    ("Redis client (Lettuce)", ("io/lettuce/",)),
    ("metrics and observation (Micrometer)", ("io/micrometer/", "org/springframework/http/server/reactive/observation/",
                                             "org/springframework/web/filter/reactive/ServerHttpObservationFilter")),
    ("JSON (Jackson)", ("tools/jackson/", "com/fasterxml/jackson/")),
    ("handler mapping and invocation", ("org/springframework/web/reactive/result/", "org/springframework/web/reactive/handler/",
                                        "org/springframework/web/reactive/DispatcherHandler",
                                        "org/springframework/web/reactive/accept/")),
    ("response encoding (codecs)", ("org/springframework/core/codec/", "org/springframework/http/codec/")),
    ("Spring web (headers, exchange, filter chain)", ("org/springframework/",)),
    ("logging", ("ch/qos/logback/", "org/slf4j/", "org/apache/commons/logging/")),
    ("compression", ("io/netty/handler/codec/compression/", "java/util/zip/")),
    ("Reactor Netty", ("reactor/netty/",)),
    ("Netty", ("io/netty/",)),
    ("Reactor operators", ("reactor/",)),
]

THREADS = [
    ("Netty event loops (the requests)", re.compile(r"reactor-http")),
    ("Lettuce (Redis replies and what runs after them)", re.compile(r"lettuce")),
    ("the JIT compiler", re.compile(r"Compiler")),
    ("the garbage collector", re.compile(r"VM Thread|GC Thread|G1 |Sweeper")),
    ("other pools (parallel, boundedElastic, ledger...)", re.compile(r".")),
]


def layer_of(frames):
    for frame in reversed(frames):
        for layer, prefixes in LAYERS:
            if frame.startswith(prefixes):
                return layer
    return "JVM, JDK and kernel only"


def main():
    kind_of_profile = sys.argv[1] if len(sys.argv) > 1 else "cpu"
    unit = "bytes allocated" if kind_of_profile == "alloc" else "CPU samples"
    total = 0
    threads = collections.Counter()
    layers = collections.Counter()
    top = collections.Counter()
    request_samples = 0
    for line in sys.stdin:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack:
            continue
        n = int(count)
        frames = stack.split(";")
        total += n
        kind = next(name for name, pattern in THREADS if pattern.search(frames[0]))
        threads[kind] += n
        if kind.startswith(("Netty", "Lettuce")):
            request_samples += n
            layers[layer_of(frames[1:])] += n
            top[frames[-1]] += n
    if total == 0:
        print("no samples")
        return
    print(f"{total} {unit}")
    if kind_of_profile == "alloc" and len(sys.argv) > 3:
        print(f"{total / float(sys.argv[2]) / 1024:.1f} KB allocated per {sys.argv[3]} on all threads, "
              f"{request_samples / float(sys.argv[2]) / 1024:.1f} KB on request threads")
    print(f"share of {unit} per kind of thread:")
    for name, _ in THREADS:
        print(f"  {100.0 * threads[name] / total:5.1f} %  {name}")
    print(f"{unit} on request threads (event loops and Lettuce), by the innermost layer on the stack:")
    for layer, count in layers.most_common():
        print(f"  {100.0 * count / request_samples:5.1f} %  {layer}")
    print("on top of the stack on request threads (self; for allocations, the class allocated):")
    for name, count in top.most_common(25):
        print(f"  {100.0 * count / request_samples:5.1f} %  {name}")


if __name__ == "__main__":
    main()
