package io.opencloud.controlplane.access;

/** A person ({@code USER}) or a machine ({@code CLIENT}) of a tenant, with its role there. */
public record Account(String name, Kind kind, String tenant, Role role) {

    public enum Kind { USER, CLIENT }
}
