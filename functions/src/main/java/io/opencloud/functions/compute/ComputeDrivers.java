package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The installed compute drivers, by name; {@link #DEFAULT} is the one new VMs and images get. */
@Component
public class ComputeDrivers {

    public static final String DEFAULT = LocalComputeDriver.NAME;

    private final Map<String, ComputeDriver> drivers = new TreeMap<>();

    public ComputeDrivers(List<ComputeDriver> installed) {
        installed.forEach(driver -> drivers.put(driver.name(), driver));
    }

    public ComputeDriver get(String name) {
        ComputeDriver driver = drivers.get(name);
        if (driver == null) {
            throw new OperationFailedException("no compute driver \"" + name + "\" is installed; installed: "
                    + drivers.keySet(), false);
        }
        return driver;
    }
}
