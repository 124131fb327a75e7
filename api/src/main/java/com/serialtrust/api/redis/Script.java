package com.serialtrust.api.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * A Lua script that Redis runs by its SHA-1 digest ({@code EVALSHA}): its text is sent again only when
 * Redis does not have it (the first time, after a restart or a {@code SCRIPT FLUSH}), not with every
 * call, where Redis would also hash it again.
 */
public final class Script {

    private final String body;
    private final String sha;

    public Script(final String body) {
        this.body = Objects.requireNonNull(body, "body");
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the script with its keys and arguments. */
    public <T> Flux<T> run(final RedisReactiveCommands<String, String> redis, final ScriptOutputType type, final String[] keys,
            final String... args) {
        return redis.<T>evalsha(sha, type, keys, args)
                .onErrorResume(RedisNoScriptException.class, missing -> redis.eval(body, type, keys, args));
    }

    /** The digest Redis knows the script by. */
    String sha() {
        return sha;
    }
}
