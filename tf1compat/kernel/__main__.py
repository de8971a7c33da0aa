"""``python -m tf1compat.kernel install|remove|launch``: register, unregister or start the ``tf1compat`` kernel."""
import sys

from tf1compat.cli.usage import CommandError, UsageParser, run_command

PROG = "python -m tf1compat.kernel"


def _parser():
    parser = UsageParser(prog=PROG, description="The `tf1compat` Jupyter kernel: notebook cells see the TF1 API.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("install", "register the kernel spec `tf1compat` for this interpreter"),
                            ("remove", "remove the kernel spec `tf1compat`")):
        command = commands.add_parser(name, help=help_text)
        where = command.add_mutually_exclusive_group()
        where.add_argument("--user", action="store_true",
                           help="the user's Jupyter data folder ($JUPYTER_DATA_DIR or ~/.local/share/jupyter); default")
        where.add_argument("--sys-prefix", action="store_true", help="this environment's own Jupyter (sys.prefix)")
        where.add_argument("--prefix", metavar="PREFIX", help="PREFIX/share/jupyter/kernels")
    commands.add_parser("launch", help="start the kernel (Jupyter runs this from the kernel spec)", add_help=False)
    return parser


def _main(argv):
    if argv[:1] == ["launch"]:
        from tf1compat.notebooks import legacy_kernel

        return legacy_kernel.launch(argv[1:])
    options = _parser().parse_args(argv)
    from tf1compat.notebooks import kernelspec

    prefix = sys.prefix if options.sys_prefix else options.prefix
    if options.command == "install":
        folder = kernelspec.install(user=not prefix, prefix=prefix)
        print(f"installed kernel spec `{kernelspec.KERNEL_NAME}` ({kernelspec.DISPLAY_NAME}) in {folder}")
        return 0
    folder = kernelspec.remove(user=not prefix, prefix=prefix)
    if folder is None:
        where = kernelspec.installed_folder(user=not prefix, prefix=prefix) or "Jupyter's kernel folders"
        raise CommandError(f"`{kernelspec.KERNEL_NAME}`: no kernel spec installed in {where}; nothing to remove")
    print(f"removed kernel spec `{kernelspec.KERNEL_NAME}` from {folder}")
    return 0


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv)


if __name__ == "__main__":
    sys.exit(main())
