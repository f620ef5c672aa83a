// Types of test-run.js (plain JS: global-setup.js and global-teardown.js load it before any transform).
export declare function startTestRun(): void;
export declare function testRunId(): string;
export declare function dropTestRunDatabases(serverUrl: string): Promise<string[]>;
