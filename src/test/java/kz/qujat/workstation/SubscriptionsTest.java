package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {
    @Test
    void disposeTakesEveryListenerOffWhatOutlivesTheView() {
        SimpleStringProperty sessionLong = new SimpleStringProperty("a");
        ObservableList<String> rows = FXCollections.observableArrayList();
        List<String> seen = new ArrayList<>();
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.onChange(sessionLong, (o, a, now) -> seen.add("change " + now));
        subscriptions.onInvalidate(sessionLong, o -> seen.add("invalid"));
        subscriptions.onListChange(rows, c -> seen.add("rows"));
        subscriptions.onDispose(() -> seen.add("disposed"));
        sessionLong.set("b");
        rows.add("x");
        assertThat(seen).containsExactlyInAnyOrder("change b", "invalid", "rows");

        subscriptions.dispose();
        seen.clear();
        sessionLong.set("c");
        rows.add("y");
        assertThat(seen).isEmpty();
        assertThat(subscriptions.size()).isZero();
        assertThatThrownBy(() -> subscriptions.onInvalidate(sessionLong, o -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aViewIsBuiltOncePerLanguageAndTheOldOneIsDisposed() {
        I18n i18n = new I18n(I18n.RUSSIAN);
        SimpleStringProperty model = new SimpleStringProperty("");
        List<String> heard = new ArrayList<>();
        CachedView view = new CachedView(i18n, subscriptions -> {
            String builtIn = i18n.locale().getLanguage();
            subscriptions.onChange(model, (o, a, now) -> heard.add(builtIn + ":" + now));
            return new Pane();
        });
        var first = view.get();
        for (int i = 0; i < 50; i++) {
            assertThat(view.get()).isSameAs(first);
        }
        assertThat(view.builds()).isEqualTo(1);

        i18n.localeProperty().set(I18n.ENGLISH);
        var second = view.get();
        assertThat(second).isNotSameAs(first);
        assertThat(view.builds()).isEqualTo(2);
        model.set("next");
        assertThat(heard).as("only the view in use still listens").containsExactly("en:next");

        view.dispose();
        model.set("after");
        assertThat(heard).containsExactly("en:next");
    }
}
