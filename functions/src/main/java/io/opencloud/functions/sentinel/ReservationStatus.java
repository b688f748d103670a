package io.opencloud.functions.sentinel;

/** STAGING while assets are copied, RESERVED once all are, RELEASED for good. */
enum ReservationStatus { STAGING, RESERVED, RELEASED }
