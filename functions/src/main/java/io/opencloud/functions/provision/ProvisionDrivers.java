package io.opencloud.functions.provision;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link ProvisionDriver} of the application, by name. */
@Component
public class ProvisionDrivers {

    private final List<ProvisionDriver> drivers;

    public ProvisionDrivers(List<ProvisionDriver> drivers) {
        this.drivers = List.copyOf(drivers);
    }

    public Optional<ProvisionDriver> find(String name) {
        return drivers.stream().filter(driver -> driver.name().equals(name)).findFirst();
    }

    public ProvisionDriver get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no provision driver is named " + name
                + " (known: " + names() + ")"));
    }

    public List<String> names() {
        return drivers.stream().map(ProvisionDriver::name).sorted().toList();
    }
}
