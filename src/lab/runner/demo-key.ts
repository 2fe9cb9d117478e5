// The lab's demo master key. Lab/demo only: it is PUBLIC (it is in this repository and in the
// docs), so anything encrypted with it is as good as plain text. Never use it for real devices.
// It exists so that `catnet lab start --write-inventory` can write an encrypted credentials.yaml
// that works out of the box when no master key is configured.

export const DEMO_MASTER_KEY = 'demo:AHNhVZFwCymG/8CjQfxmZPBMpa4rQjrSJz4tbv2XFqI=';
