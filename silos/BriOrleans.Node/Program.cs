using System.CommandLine;
using BriOrleans.Node.TreeGraph;

var root = new RootCommand("brinode: the BriOrleans node and its operator tools");
root.Subcommands.Add(TreeGraphCommand.Create());
return root.Parse(args).Invoke();
