package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The supervisor of a stack that {@code up} started and left running: restarts what dies until
 * {@code down} stops it. Its own log is {@code .leadstream/logs/supervisor.log}.
 */
@Command(name = "supervise", hidden = true, description = "Restart the processes of a running stack when they die.")
public class SuperviseCommand implements Callable<Integer> {

    @Option(names = "--sites", defaultValue = "12") int sites;

    @Override
    public Integer call() {
        Stack stack = new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), sites);
        new Supervisor(stack, message -> System.out.println(Instant.now() + " [supervisor] " + message)).run();
        return 0;
    }
}
