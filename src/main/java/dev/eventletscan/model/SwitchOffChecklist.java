package dev.eventletscan.model;

import java.util.List;

/**
 * What to settle in one component before eventlet is switched off there, in order: its threading hazards, then the
 * tests tied to eventlet's scheduling, then the switch-off step itself.
 *
 * @param component the component's display name
 * @param path the component's folder or file, relative to the scan root
 * @param hazards each threading hazard in the component's own (non-test) code: {@code EVH102 path:line message}
 * @param testModulesOnScheduling how many test modules of the component (by their path without its {@code tests},
 *     {@code unit} and {@code functional} folders) mock eventlet names, yield with sleep(0), patch in set-up or
 *     assert right after a spawn
 * @param testModules those test modules, sorted
 * @param switchOff the last step: what switches eventlet off in the component
 */
public record SwitchOffChecklist(String component, String path, List<String> hazards, int testModulesOnScheduling,
        List<String> testModules, String switchOff) {
    public SwitchOffChecklist {
        hazards = List.copyOf(hazards);
        testModules = List.copyOf(testModules);
    }
}
