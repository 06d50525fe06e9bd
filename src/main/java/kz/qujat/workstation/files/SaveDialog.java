package kz.qujat.workstation.files;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to save a file. The platform's file chooser in the program; tests give a fixed folder, because a
 * native dialog cannot be driven headless.
 */
@FunctionalInterface
public interface SaveDialog {

    /** {@code filterName} describes files of {@code extension} (without the dot); empty when the user cancels. */
    Optional<Path> ask(Window owner, String title, String suggestedName, String filterName, String extension);

    /** The platform's save dialog, starting in the user's home folder. */
    static SaveDialog fileChooser() {
        return (owner, title, suggestedName, filterName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*." + extension));
            File home = new File(System.getProperty("user.home"));
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }

    /** Saves into {@code dir} under the suggested name without asking. */
    static SaveDialog into(Path dir) {
        return (owner, title, suggestedName, filterName, extension) -> Optional.of(dir.resolve(suggestedName));
    }
}
