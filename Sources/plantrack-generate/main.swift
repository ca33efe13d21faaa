// The command lives in GenerateCommand.swift; a main.swift cannot also hold `@main`.
GenerateCommand.main()
