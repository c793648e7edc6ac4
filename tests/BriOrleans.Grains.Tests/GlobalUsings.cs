global using BriOrleans.Grains.State;
