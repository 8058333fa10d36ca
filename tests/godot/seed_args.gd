# The arguments after "--" on godot3-server's command line, which the seed
# scripts take as every port of the example takes its own.
static func after_dashes():
	var args = []
	for arg in OS.get_cmdline_args():
		if args.size() > 0 or arg == "--":
			args.append(arg)
	args.pop_front()
	return args
