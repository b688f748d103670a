package io.opencloud.functions.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.infra.test.SharedTestRuntime;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-provision lock on the shared PostgreSQL: one command at a time per provision, others side by side. */
class ProvisionLocksTest {

    private final ProvisionLocks locks = new ProvisionLocks(SharedTestRuntime.dataSource());
    // A second instance stands for another process: it has connections of its own.
    private final ProvisionLocks elsewhere = new ProvisionLocks(SharedTestRuntime.dataSource());
    // Threads of their own: the common pool may have a single thread on a small machine, and the first holds it.
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.close();
    }

    @Test
    void aSecondCommandOnTheSameProvisionWaitsWhileOneOnAnotherRunsAtOnce() throws Exception {
        String provision = UUID.randomUUID().toString();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> locks.exclusively(provision, () -> {
            holding.countDown();
            awaitQuietly(release);
            return "first";
        }), threads);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> elsewhere.exclusively(provision,
                () -> "second"), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForAdvisoryLocks() == 1);
        String other = elsewhere.exclusively(UUID.randomUUID().toString(), () -> "other provision");
        assertThat(other).isEqualTo("other provision");
        assertThat(second).isNotDone();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void aLockIsReleasedWhenTheWorkFailsAndABadIdIsRefused() {
        String provision = UUID.randomUUID().toString();
        assertThatThrownBy(() -> locks.exclusively(provision, () -> {
            throw new OperationFailedException("terraform failed", true);
        })).hasMessage("terraform failed");
        assertThat(elsewhere.exclusively(provision, () -> "taken again")).isEqualTo("taken again");
        assertThatThrownBy(() -> locks.exclusively("not-a-uuid", () -> "never"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("is not a provision id");
    }

    private static int waitingForAdvisoryLocks() {
        return JdbcClient.create(SharedTestRuntime.dataSource())
                .sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Integer.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
