package kz.qujat.workstation;

import javafx.application.Application;

/**
 * A plain main class for the shaded jar and installers: a class that extends {@link Application} cannot be
 * the main class when JavaFX is on the class path rather than the module path.
 */
public final class WorkstationLauncher {
    private WorkstationLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkstationApp.class, args);
    }
}
