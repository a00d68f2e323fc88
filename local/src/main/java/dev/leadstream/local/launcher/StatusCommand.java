package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.FreePorts;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "status", description = "Show each process, its pid and its health.")
public class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), 0);
        StackPorts ports = stack.ports();
        boolean infraUp = stack.process(Stack.INFRA).isAlive();
        System.out.printf("%-18s %-8s %s%n", "PROCESS", "PID", "HEALTH");
        System.out.printf("%-18s %-8s kafka %s, postgres %s, smtp %s%n", Stack.INFRA, pid(stack, Stack.INFRA),
                up(infraUp && FreePorts.isListening(ports.kafka())), up(infraUp && FreePorts.isListening(ports.postgres())),
                up(infraUp && FreePorts.isListening(ports.smtp())));
        int healthy = 0;
        for (AppSpec app : stack.apps()) {
            boolean ok = stack.process(app.name()).isAlive() && stack.isHealthy(app);
            healthy += ok ? 1 : 0;
            System.out.printf("%-18s %-8s %s (127.0.0.1:%d)%n", app.name(), pid(stack, app.name()), up(ok), app.httpPort());
        }
        return infraUp && healthy == stack.apps().size() ? 0 : 3;
    }

    private static String pid(Stack stack, String name) {
        return stack.process(name).handle().map(h -> Long.toString(h.pid())).orElse("-");
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
