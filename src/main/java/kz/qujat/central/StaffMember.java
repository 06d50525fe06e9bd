package kz.qujat.central;

import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;

/**
 * One person of the staff directory: role, and the region (officers, regional supervisors) or the
 * registration point (clerks) they work for. A supervisor without a region is a national supervisor.
 */
public record StaffMember(String iin, String surname, String givenName, StaffRole role, Region region,
                          String registrationPoint) {

    public String displayName() {
        return surname + " " + givenName;
    }

    public boolean national() {
        return role == StaffRole.SUPERVISOR && region == null;
    }

    @Override
    public String toString() {
        return "StaffMember[role=" + role + ", region=" + region + "]";
    }
}
