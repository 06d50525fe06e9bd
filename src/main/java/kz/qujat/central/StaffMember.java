package kz.qujat.central;

import kz.qujat.domain.Region;
import kz.qujat.domain.StaffRole;

/**
 * One person of the staff directory: role, and the region (officers, regional supervisors) or the
 * registration point (clerks) they work for. A supervisor or finance officer without a region works for the
 * whole country.
 */
public record StaffMember(String iin, String surname, String givenName, StaffRole role, Region region,
                          String registrationPoint) {

    public String displayName() {
        return surname + " " + givenName;
    }

    public boolean national() {
        return (role == StaffRole.SUPERVISOR || role == StaffRole.FINANCE) && region == null;
    }

    @Override
    public String toString() {
        return "StaffMember[role=" + role + ", region=" + region + "]";
    }
}
