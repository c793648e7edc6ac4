global using BriOrleans.Crypto;
global using BriOrleans.Grains.State;
global using BriOrleans.Ledger;
global using BriOrleans.Runtime;
global using BriOrleans.GrainHost;
