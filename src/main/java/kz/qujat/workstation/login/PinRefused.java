package kz.qujat.workstation.login;

/** The token refused the PIN; what its PIN counter says now. */
final class PinRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient TokenChoice.PinState state;

    PinRefused(TokenChoice.PinState state) {
        super("the token refused the PIN (" + state + ")");
        this.state = state;
    }

    TokenChoice.PinState state() {
        return state;
    }
}
