package kz.qujat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qujat.domain.Lifecycle.Event;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void theHappyPathReachesIssued() {
        Status s = Status.SUBMITTED;
        for (Event e : new Event[] {Event.CLAIM, Event.APPROVE, Event.PRODUCTION_ACCEPTED, Event.READY, Event.HAND_OVER}) {
            s = Lifecycle.next(s, e);
        }
        assertThat(s).isEqualTo(Status.ISSUED);
        assertThat(Lifecycle.isFinal(Status.ISSUED)).isTrue();
    }

    @Test
    void reviewCanEndInAnnulmentOrGoBackToTheQueue() {
        assertThat(Lifecycle.next(Status.IN_REVIEW, Event.ANNUL)).isEqualTo(Status.ANNULLED);
        assertThat(Lifecycle.next(Status.IN_REVIEW, Event.RELEASE)).isEqualTo(Status.SUBMITTED);
        assertThat(Lifecycle.next(Status.IN_REVIEW, Event.CLAIM_EXPIRED)).isEqualTo(Status.SUBMITTED);
        assertThat(Lifecycle.isFinal(Status.ANNULLED)).isTrue();
    }

    @Test
    void everyIllegalPairIsRejectedWithAClearMessage() {
        int legal = 0;
        for (Status s : Status.values()) {
            for (Event e : Event.values()) {
                if (e.from() == s) {
                    legal++;
                    assertThat(Lifecycle.next(s, e)).isEqualTo(e.to());
                } else {
                    assertThat(Lifecycle.allowed(s, e)).isFalse();
                    assertThatThrownBy(() -> Lifecycle.next(s, e))
                            .isInstanceOf(Lifecycle.IllegalTransitionException.class)
                            .hasMessageContaining(s.name());
                }
            }
        }
        assertThat(legal).isEqualTo(Event.values().length);
    }

    @Test
    void approvingWithoutAClaimIsIllegal() {
        assertThatThrownBy(() -> Lifecycle.next(Status.SUBMITTED, Event.APPROVE))
                .hasMessage("cannot approve an application in status SUBMITTED (only from IN_REVIEW)");
    }
}
