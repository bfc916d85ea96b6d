// The simulator kit's helpers, used throughout the SPS simulator.
global using PamOperator.Simulators.Common;
global using PamOperator.Simulators.Common.Storage;
