from qiflow.cli import main

main()
