package kz.qujat.central;

/** The services of the central service, wired once at start and handed to the routes. */
public record Services(IntakeService intake, SessionService sessions, ReviewService review, DecisionService decisions,
                       HandoverService handover, AnnulmentService annulments, RegistryFeedService registryFeed,
                       ProductionReadyService productionReady, ApplicantStatusService applicantStatus,
                       RefundService refunds) {
}
