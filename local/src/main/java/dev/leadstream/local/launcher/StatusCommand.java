package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.FreePorts;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "status", description = "Show each process, its pid, its restarts and its health.")
public class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), 0);
        StackPorts ports = stack.ports();
        SupervisorState supervised = SupervisorState.in(stack.workspace());
        boolean infraUp = stack.process(Stack.INFRA).isAlive();
        System.out.printf("%-18s %-8s %-9s %s%n", "PROCESS", "PID", "RESTARTS", "HEALTH");
        System.out.printf("%-18s %-8s %-9d kafka %s, postgres %s, smtp %s%s%n", Stack.INFRA, pid(stack, Stack.INFRA),
                supervised.restarts(Stack.INFRA),
                up(infraUp && FreePorts.isListening(ports.kafka())), up(infraUp && FreePorts.isListening(ports.postgres())),
                up(infraUp && FreePorts.isListening(ports.smtp())), failure(supervised, Stack.INFRA));
        int healthy = 0;
        for (AppSpec app : stack.apps()) {
            boolean ok = stack.process(app.name()).isAlive() && stack.isHealthy(app);
            healthy += ok ? 1 : 0;
            System.out.printf("%-18s %-8s %-9d %s (127.0.0.1:%d)%s%n", app.name(), pid(stack, app.name()),
                    supervised.restarts(app.name()), up(ok), app.httpPort(), failure(supervised, app.name()));
        }
        boolean supervising = stack.process(Supervisor.NAME).isAlive();
        System.out.printf("%-18s %-8s %-9s %s%n", Supervisor.NAME, pid(stack, Supervisor.NAME), "-",
                supervising ? "restarting what dies (log: " + stack.workspace().display(stack.process(Supervisor.NAME).logFile()) + ")"
                        : "not running (./leadstream demo supervises in its own process)");
        return infraUp && healthy == stack.apps().size() ? 0 : 3;
    }

    private static String failure(SupervisorState supervised, String process) {
        return supervised.failure(process).map(message -> "  GAVE UP: " + message).orElse("");
    }

    private static String pid(Stack stack, String name) {
        return stack.process(name).handle().map(h -> Long.toString(h.pid())).orElse("-");
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
