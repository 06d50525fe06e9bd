package kz.qujat.workstation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML of a view whose controller was built by its caller with constructor wiring:
 * {@code QueueView} is paired with {@code kz/qujat/workstation/queue/Queue.fxml} (from the top-level
 * {@code fxml/} folder) and the controller factory hands the FXML that very instance.
 */
public final class FxmlLoader {
    private final I18n i18n;

    public FxmlLoader(I18n i18n) {
        this.i18n = i18n;
    }

    public Parent load(Object view) {
        URL url = fxmlOf(view.getClass());
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(view)) {
                throw new IllegalStateException(url + " names controller " + type.getName()
                        + " but was loaded for " + view.getClass().getName());
            }
            return view;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }

    static URL fxmlOf(Class<?> viewClass) {
        String name = viewClass.getSimpleName();
        if (!name.endsWith("View")) {
            throw new IllegalArgumentException("a view class name ends with View: " + name);
        }
        String resource = "/" + viewClass.getPackageName().replace('.', '/') + "/"
                + name.substring(0, name.length() - "View".length()) + ".fxml";
        URL url = viewClass.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no FXML " + resource + " for " + viewClass.getName());
        }
        return url;
    }
}
