package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
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
        System.out.println("Up. Review UI: " + stack.hitlApiUrl() + "/ui   API: " + stack.hitlApiUrl() + "/api/leads   Logs: "
                + stack.workspace().logs());
        return 0;
    }
}
