export declare function compiledCliProblem(root: string): string | undefined;
