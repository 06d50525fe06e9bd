package kz.qujat.workstation.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.TokenInfo;
import kz.qujat.workstation.UserSettings;

/**
 * The token half of the login form: the PKCS#11 library (the configured ones offered, the last one used
 * remembered), the tokens found in it and the one chosen, and what the token says about its PIN.
 */
public final class TokenChoice {
    /** What a token's PIN counter says, as far as the token reports it. */
    public enum PinState { OK, COUNT_LOW, FINAL_TRY, LOCKED }

    private final UserSettings settings;
    private final ObservableList<Path> knownLibraries = FXCollections.observableArrayList();
    private final ObjectProperty<Path> library = new SimpleObjectProperty<>();
    private final ObservableList<TokenInfo> tokens = FXCollections.observableArrayList();
    private final ObjectProperty<TokenInfo> token = new SimpleObjectProperty<>();

    TokenChoice(List<Path> libraries, UserSettings settings) {
        this.settings = settings;
        knownLibraries.setAll(libraries);
        Path remembered = settings.get(UserSettings.PKCS11_LIBRARY).map(Path::of).orElse(null);
        if (remembered != null && !knownLibraries.contains(remembered)) {
            knownLibraries.add(0, remembered);
        }
        library.set(remembered != null ? remembered : knownLibraries.isEmpty() ? null : knownLibraries.get(0));
        library.addListener((o, a, b) -> {
            tokens.clear();
            token.set(null);
        });
    }

    public ObservableList<Path> knownLibraries() {
        return knownLibraries;
    }

    public ObjectProperty<Path> libraryProperty() {
        return library;
    }

    public ObservableList<TokenInfo> tokens() {
        return tokens;
    }

    public ObjectProperty<TokenInfo> tokenProperty() {
        return token;
    }

    /** The message key when the library cannot be asked at all, or null. */
    String libraryProblem() {
        Path lib = library.get();
        if (lib == null) {
            return "login.token.error.noLibrary";
        }
        return Files.isRegularFile(lib) ? null : "login.token.error.libraryMissing";
    }

    /** Lists the tokens of the library (blocking: call off the FX thread). */
    static List<TokenInfo> find(Path library) throws EdsException {
        return TokenInfo.list(library);
    }

    /** Shows the tokens found; the remembered token (by label) or the only one is chosen. */
    void found(Path lib, List<TokenInfo> list) {
        settings.put(UserSettings.PKCS11_LIBRARY, lib.toAbsolutePath().toString());
        tokens.setAll(list);
        String last = settings.get(UserSettings.TOKEN_LABEL).orElse(null);
        token.set(list.stream().filter(t -> t.label().equals(last)).findFirst()
                .orElse(list.size() == 1 ? list.get(0) : null));
    }

    void used(TokenInfo t) {
        settings.put(UserSettings.TOKEN_LABEL, t.label());
    }

    /** The state of the chosen token's PIN after a refused login, re-read from the token (blocking). */
    static PinState pinState(Path library, long slot) {
        try {
            return TokenInfo.list(library).stream().filter(t -> t.slot() == slot).findFirst()
                    .map(TokenChoice::pinState).orElse(PinState.OK);
        } catch (EdsException e) {
            return PinState.OK; // the refusal itself is reported; the counter is only a hint
        }
    }

    static PinState pinState(TokenInfo t) {
        if (t.pinLocked()) {
            return PinState.LOCKED;
        }
        if (t.pinFinalTry()) {
            return PinState.FINAL_TRY;
        }
        return t.pinCountLow() ? PinState.COUNT_LOW : PinState.OK;
    }
}
