vcl 4.1;
# Installment behind Varnish: many identical instances, one shared cache, and
# the release promise held (nothing early, live within 2 s of the instant).
#
# backends.vcl is generated (scripts/lib/varnish-config.ts, `npm run cluster`):
# it declares one backend per instance (with the health probe below), the
# `instances` round-robin director and the `purgers` ACL (localhost and the
# instances' addresses). Start varnishd with `-p vcl_path=<dir of backends.vcl>:<dir of this file>`.

import std;
import directors;

probe installment_health {
    .request = "HEAD /robots.txt HTTP/1.1" "Host: localhost" "Connection: close" "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = instances.backend();

    # Invalidation, only from this machine or the instances themselves.
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # Everything that names a release state: pages, flight payloads,
        # feeds, files and media (not the build's immutable /_next/static).
        ban("obj.http.X-Release-State ~ .");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # An editor sees drafts and other instants: never cached, never shared.
    if (req.http.Cookie ~ "(^|;\s*)installment_(editor|as_of)=" || req.url ~ "^/editor") {
        return (pass);
    }
    # Readers' other cookies change nothing: drop them so responses are shared.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # Query strings: the pages read none but `_rsc` (Next's flight cache-buster,
    # kept so browsers' flight requests stay distinct); strip the rest.
    if (req.url ~ "\?") {
        if (req.url ~ "[?&]_rsc=") {
            set req.url = regsub(req.url, "^([^?]*)\?(.*&)?(_rsc=[^&]*).*$", "\1?\3");
        } else {
            set req.url = regsub(req.url, "\?.*$", "");
        }
    }
    # Headers the edge sets itself never come from outside.
    unset req.http.X-Installment-Now;
    unset req.http.X-Installment-Audience;
    unset req.http.X-Installment-As-Of;
    unset req.http.X-Installment-Edge;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.X-Backend = beresp.backend.name;
    if (bereq.retries > 0) {
        set beresp.http.X-Retried = bereq.retries;
    }

    # The cache check: a response reflecting a release later than this
    # cache's own clock was made by an instance whose clock runs ahead.
    # Never store it, never deliver it: ask another instance.
    if (beresp.http.X-Release-At-Epoch && std.real(beresp.http.X-Release-At-Epoch, 0) > std.real(time=now)) {
        std.log("installment: refused early response from " + beresp.backend.name + " release-at " + beresp.http.X-Release-At-Epoch);
        if (bereq.retries < 3) {
            return (retry);
        }
        return (error(503, "Every instance answered ahead of the cache's clock"));
    }
    # ...and one that still shows a state whose next release is already out
    # (an instance running behind, or one that answered just before the
    # instant) is asked of another instance; if every instance is behind it
    # is passed on but not kept, here or by any cache further down (the
    # instance's s-maxage counted from its late clock).
    if (beresp.http.X-Release-Next-Epoch && std.real(beresp.http.X-Release-Next-Epoch, 0) <= std.real(time=now)) {
        if (bereq.retries < 3) {
            std.log("installment: asking again after a stale state from " + beresp.backend.name);
            return (retry);
        }
        std.log("installment: not storing a stale state from " + beresp.backend.name);
        set beresp.http.Cache-Control = "private, max-age=0, must-revalidate";
        unset beresp.http.CDN-Cache-Control;
        unset beresp.http.Surrogate-Control;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }

    if (beresp.http.X-Release-Next-Epoch) {
        # A pre-release response: no grace (Varnish ignores must-revalidate
        # for grace and would serve it stale past the instant), and never
        # kept past the next release minus the margin, whatever s-maxage says.
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        if (beresp.ttl <= 0s || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
            # Too near the release to share: remember "fetch it each time"
            # until the instant only (readers are not queued behind each
            # other), so the released state is coalesced again from the instant.
            set beresp.uncacheable = true;
            set beresp.ttl = std.duration((std.real(beresp.http.X-Release-Next-Epoch, 0) - std.real(time=now)) + "s", 0s);
            return (deliver);
        }
        set beresp.http.X-Shared-Left = std.real(beresp.http.X-Release-Next-Epoch, 0) - std.real(time=now) - 2;
        if (beresp.ttl > std.duration(beresp.http.X-Shared-Left + "s", 0s)) {
            set beresp.ttl = std.duration(beresp.http.X-Shared-Left + "s", 0s);
        }
        unset beresp.http.X-Shared-Left;
        # Marks a clamped pre-release copy for vcl_deliver, which restates its lifetime from obj.ttl.
        set beresp.http.X-Shared-Clamped = "1";
    }
    # Never keep an error page: an instance restarting must not leave a 5xx
    # in the cache (4xx are the canonical 404, which carries s-maxage).
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Browsers revalidate (max-age=0, must-revalidate); only s-maxage is ours.
    # No return: the built-in rules still make Set-Cookie, no-store and
    # private responses uncacheable.
}

sub vcl_backend_error {
    # An instance that is restarting (refused connection, reset): try another
    # before the probe has marked it sick, rather than show readers a 503.
    if (bereq.retries < 2) {
        return (retry);
    }
    set beresp.http.Retry-After = "1";
}

sub vcl_deliver {
    # Caches downstream (a CDN, a checker) read s-maxage against Age: make
    # s-maxage - Age this cache's own remaining lifetime, which the clamp
    # above may have cut below what the instance said (it counted from the
    # start of its render). Rounded up, so a copy chosen in its last
    # millisecond still shows time left (s-maxage = Age says "served stale",
    # as grace would); a copy really past its life shows none.
    if (resp.http.X-Shared-Clamped && resp.http.Cache-Control ~ "s-maxage=[0-9]+") {
        # std.integer truncates toward zero: that is the ceiling below zero; add one above it.
        set resp.http.X-Left = std.integer(real=std.real(duration=obj.ttl));
        if (std.real(resp.http.X-Left, 0) < std.real(duration=obj.ttl)) {
            set resp.http.X-Left = std.integer(resp.http.X-Left, 0) + 1;
        }
        set resp.http.X-Left = std.integer(resp.http.X-Left, 0) + std.integer(resp.http.Age, 0);
        set resp.http.Cache-Control = regsub(resp.http.Cache-Control, "s-maxage=[0-9]+", "s-maxage=" + resp.http.X-Left);
        set resp.http.CDN-Cache-Control = "max-age=" + resp.http.X-Left;
        set resp.http.Surrogate-Control = "max-age=" + resp.http.X-Left;
        unset resp.http.X-Left;
    }
    unset resp.http.X-Shared-Clamped;
    # Release headers stay: readers' tools and the tests read them.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
