print("initscope: command-line interface arrives with the spine issue")
