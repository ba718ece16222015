global using NSubstitute;
