package dev.leadstream.persona.writer.llm;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void a429WaitsWhatItsRetryAfterAsksHoweverLangchain4jWrappedIt() {
        var refusal = new RateLimitException("rate limited", new ModelHttpException(429, "{}", Duration.ofSeconds(7)));
        assertThat(policy.delayBeforeRetry(1, refusal)).contains(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
        assertThat(policy.delayBeforeRetry(1, new ModelHttpException(429, "{}", Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void serverErrorsBackOffExponentiallyUpToTheCapAndStopAtTheAttemptLimit() {
        ModelHttpException unavailable = new ModelHttpException(503, "", null);
        assertThat(policy.delayBeforeRetry(1, unavailable)).contains(Duration.ofMillis(500));
        assertThat(policy.delayBeforeRetry(2, unavailable)).contains(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(3, unavailable)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayBeforeRetry(4, unavailable)).isEmpty();
    }

    @Test
    void clientErrorsAndTimeoutsAreNotRetried() {
        assertThat(policy.delayBeforeRetry(1, new ModelHttpException(401, "", null))).isEmpty();
        assertThat(policy.delayBeforeRetry(1, new ModelHttpException(400, "", null))).isEmpty();
        assertThat(policy.delayBeforeRetry(1, new TimeoutException("slow"))).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(ModelHttpClient.retryAfter(" 12 ")).isEqualTo(Duration.ofSeconds(12));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(ModelHttpClient.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(ModelHttpClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(ModelHttpClient.retryAfter("soon")).isNull();
    }
}
