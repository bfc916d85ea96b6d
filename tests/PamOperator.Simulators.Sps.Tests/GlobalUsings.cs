global using FluentAssertions;
global using PamOperator.Simulators.Sps.Tests.Support;
global using Xunit;
