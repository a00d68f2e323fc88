package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "up", description = "Start everything in the background and return.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--sites", defaultValue = "12", description = "Number of sample business sites to serve (two of each sector from 7 on).")
    int sites;

    @Override
    public Integer call() {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), sites);
        System.out.println("Starting Kafka, PostgreSQL, GreenMail, the outbox relay and " + (stack.apps().size() - 1) + " agents...");
        stack.up(Duration.ofMinutes(3));
        // up returns, so a process of its own restarts what dies from now on
        stack.process(Supervisor.NAME).start(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dleadstream.home=" + stack.workspace().home(), "-Dleadstream.workspace=" + stack.workspace().root()),
                Supervisor.superviseCommand(stack.workspace(), sites));
        System.out.println("Up. Review UI: " + stack.hitlApiUrl() + "/ui   API: " + stack.hitlApiUrl() + "/api/leads   Logs: "
                + stack.workspace().display(stack.workspace().logs()));
        System.out.println("A process that dies is restarted; ./leadstream status shows restarts.");
        return 0;
    }
}
