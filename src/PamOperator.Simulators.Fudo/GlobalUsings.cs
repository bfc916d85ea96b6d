// The simulator kit's helpers, used throughout the Fudo simulator.
global using PamOperator.Simulators.Common.Faults;
global using PamOperator.Simulators.Common.Storage;
