package com.serialtrust.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.RedisServer;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A script's text goes to the real Redis only when Redis does not know the script yet. */
class ScriptIntegrationTests {

    private static final Script COUNT = new Script("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    @Test
    void aScriptIsSentOnceAndRunByItsDigestUntilRedisForgetsIt() {
        try (RedisServer server = RedisServer.start();
                Redis redis = new Redis(server.settings())) {
            for (long expected = 2; expected <= 6; expected += 2) {
                assertThat(add(redis)).isEqualTo(expected);
            }
            assertThat(textsSent(server)).as("the first call only").isEqualTo(1);
            assertThat(server.commands().scriptExists(COUNT.sha())).containsExactly(true);

            server.commands().scriptFlush();
            assertThat(add(redis)).as("after Redis forgot it").isEqualTo(8);
            assertThat(textsSent(server)).isEqualTo(2);
        }
    }

    private static Long add(final Redis redis) {
        return redis.call(r -> COUNT.<Long>run(r, ScriptOutputType.INTEGER, new String[] {"n"}, "2").next())
                .block(Duration.ofSeconds(5));
    }

    /** How many times Redis was sent the script's text ({@code EVAL}). */
    private static long textsSent(final RedisServer server) {
        final Matcher eval = Pattern.compile("cmdstat_eval:calls=(\\d+)").matcher(server.commands().info("commandstats"));
        return eval.find() ? Long.parseLong(eval.group(1)) : 0;
    }
}
