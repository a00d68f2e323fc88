package dev.leadstream.local.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps a running stack running: a process that dies (or an agent that stays unready for
 * {@link #HUNG}) is started again after a backoff ({@link RestartPolicy}); one that dies too often
 * is left down with a one-line message naming its log. The infrastructure comes back first, and
 * no agent is restarted while it is down. {@code demo} runs this in its own JVM; {@code up}
 * returns, so it starts {@code ./leadstream supervise} as a background process of its own.
 */
public final class Supervisor implements AutoCloseable {

    public static final String NAME = "supervisor";
    static final Duration HUNG = Duration.ofSeconds(90);
    /** A restarted agent may first rebuild state (enrichment's index, a Streams store) before it is ready. */
    static final Duration START_GRACE = Duration.ofMinutes(5);
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration HEALTH_EVERY = Duration.ofSeconds(5);

    private final Stack stack;
    private final Consumer<String> report;
    private final SupervisorState state;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private volatile boolean stopped;
    private Thread thread;

    public Supervisor(Stack stack, Consumer<String> report) {
        this.stack = stack;
        this.report = report;
        SupervisorState.clear(stack.workspace());
        this.state = SupervisorState.in(stack.workspace());
        watched.put(Stack.INFRA, new Watched());
        stack.apps().forEach(app -> {
            if (stack.process(app.name()).isAlive()) {
                watched.put(app.name(), new Watched());
            }
        });
    }

    /** Supervises on a daemon thread until {@link #close()}. */
    public Supervisor start() {
        thread = Thread.ofPlatform().daemon().name("supervisor").start(this::run);
        return this;
    }

    /** Supervises on this thread until the process is told to stop. */
    public void run() {
        while (!stopped) {
            Instant now = Instant.now();
            for (Map.Entry<String, Watched> entry : new ArrayList<>(watched.entrySet())) {
                if (stopped) {
                    return;
                }
                check(entry.getKey(), entry.getValue(), now);
            }
            sleep(TICK);
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Restarts made so far, per process. */
    public int restarts(String process) {
        Watched w = watched.get(process);
        return w == null ? 0 : w.policy.restarts();
    }

    private void check(String name, Watched w, Instant now) {
        if (w.givenUp) {
            return;
        }
        boolean infra = name.equals(Stack.INFRA);
        if (w.restartAt != null) {
            if (now.isBefore(w.restartAt) || (!infra && !stack.process(Stack.INFRA).isAlive())) {
                return;
            }
            restart(name, w, infra);
            return;
        }
        if (!stack.process(name).isAlive()) {
            died(name, w, now, "died");
        } else if (!infra && Duration.between(w.lastHealthCheck, now).compareTo(HEALTH_EVERY) >= 0) {
            w.lastHealthCheck = now;
            AppSpec app = stack.apps().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
            Duration patience = w.readySinceStart ? HUNG : START_GRACE;
            if (stack.isHealthy(app)) {
                w.lastReady = now;
                w.readySinceStart = true;
            } else if (Duration.between(w.lastReady, now).compareTo(patience) > 0) {
                stack.process(name).kill();
                died(name, w, now, "was not ready for " + patience.toSeconds() + " s and was killed");
            }
        }
    }

    private void restart(String name, Watched w, boolean infra) {
        w.restartAt = null;
        try {
            stack.startAgain(name);
        } catch (RuntimeException e) {
            died(name, w, Instant.now(), "could not start (" + e.getMessage() + ")");
            return;
        }
        w.policy.restarted();
        state.recordRestart(name, w.policy.restarts());
        report.accept("restarted " + name + " (restart " + w.policy.restarts() + ")");
        Instant now = Instant.now();
        w.lastReady = now;
        w.readySinceStart = false;
        if (infra) {
            // the agents were cut off while it was down: give them the full grace period again
            watched.values().forEach(other -> other.lastReady = now);
        }
    }

    private void died(String name, Watched w, Instant now, String what) {
        String log = stack.workspace().display(stack.process(name).logFile());
        w.policy.died(now).ifPresentOrElse(delay -> {
            w.restartAt = now.plus(delay);
            report.accept(name + " " + what + "; restarting it in " + delay.toSeconds() + " s (see " + log + ")");
        }, () -> {
            w.givenUp = true;
            String message = "%s died %d times in %d minutes; see %s".formatted(name, w.policy.recentDeaths(),
                    w.policy.window().toMinutes(), log);
            state.recordFailure(name, message);
            report.accept(message);
        });
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    /** What the supervisor knows of one process. */
    private static final class Watched {
        final RestartPolicy policy = new RestartPolicy();
        Instant restartAt;
        Instant lastReady = Instant.now();
        Instant lastHealthCheck = Instant.now();
        boolean givenUp;
        /** the stack was up when supervision began, so every process starts out as ready */
        boolean readySinceStart = true;
    }

    /** The command line of {@code ./leadstream supervise} for a stack started by {@code up}. */
    static List<String> superviseCommand(Workspace workspace, int sites) {
        return List.of("-cp", workspace.home().resolve("local/target/local.jar") + ":" + workspace.home().resolve("local/target/lib/*"),
                LeadStreamCli.class.getName(), "supervise", "--sites=" + sites);
    }
}
