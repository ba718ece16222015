global using NSubstitute;
global using static Sexting.Functions.Tests.ArgMatch;
