"""Summarises JFR execution samples (jfr print --json) read on stdin: the share of samples whose stack
passes through each layer (inclusive: a sample counts for every layer on its stack), and the methods
that are most often on top of the stack (self)."""
import collections
import json
import sys

# (layer, a frame belongs to it when its class name starts with one of these)
LAYERS = [
    ("Spring Security filter chain", ("org.springframework.security.",)),
    ("api: rate limit", ("com.serialtrust.api.security.RateLimitFilter",)),
    ("api: other web filters", ("com.serialtrust.api.security.RequestLimits", "com.serialtrust.api.security.AcceptFirst",
                                "com.serialtrust.api.security.PageHeaders", "com.serialtrust.api.verify.AssetCaching")),
    ("Redis client (Lettuce)", ("io.lettuce.",)),
    ("metrics and observation (Micrometer)", ("io.micrometer.", "org.springframework.http.server.reactive.observation.",
                                             "org.springframework.web.filter.reactive.ServerHttpObservationFilter")),
    ("handler mapping and invocation", ("org.springframework.web.reactive.result.method.",
                                        "org.springframework.web.reactive.DispatcherHandler")),
    ("response encoding (codecs)", ("org.springframework.core.codec.", "org.springframework.http.codec.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Reactor", ("reactor.core.",)),
    ("Reactor Netty", ("reactor.netty.",)),
    ("Netty", ("io.netty.",)),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("the api's own code", ("com.serialtrust.",)),
    ("compression", ("io.netty.handler.codec.compression.", "java.util.zip.")),
]


def frames(event):
    stack = event["values"]["stackTrace"]
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (stack or {}).get("frames", [])]


def main():
    events = json.load(sys.stdin)["recording"]["events"]
    total = len(events)
    if total == 0:
        print("no samples")
        return
    inclusive = collections.Counter()
    top = collections.Counter()
    for event in events:
        names = frames(event)
        if names:
            top[names[0]] += 1
        for layer, prefixes in LAYERS:
            if any(n.startswith(prefixes) for n in names):
                inclusive[layer] += 1
    print(f"{total} samples")
    print("share of samples inside each layer (inclusive):")
    for layer, _ in LAYERS:
        print(f"  {100.0 * inclusive[layer] / total:5.1f} %  {layer}")
    print("methods most often on top of the stack (self):")
    for name, count in top.most_common(25):
        print(f"  {100.0 * count / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
