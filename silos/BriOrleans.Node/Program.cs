using System.CommandLine;
using BriOrleans.Node.Commands;
using BriOrleans.Node.TreeGraph;

var root = new RootCommand("brinode: the BriOrleans node and its operator tools");
var node = new Command("node", "Create and run a node");
node.Subcommands.Add(NodeRunCommand.Create());
node.Subcommands.Add(NodeInitCommand.Create());
root.Subcommands.Add(node);
root.Subcommands.Add(TreeGraphCommand.Create());
return await root.Parse(args).InvokeAsync();
