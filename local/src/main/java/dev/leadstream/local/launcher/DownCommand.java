package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "down", description = "Stop everything that up or demo started.")
public class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new Stack(Workspace.fromSystemProperty(), StackPorts.demo(), 0).down();
        System.out.println("Stopped.");
        return 0;
    }
}
