// WhatIf part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in whatifRequestSchemas must appear in WhatIfApi with the same name.

/** Request schemas of the whatif methods, validated on arrival by the backend. */
export const whatifRequestSchemas = {} as const;

/** WhatIf methods of the TwinApi. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WhatIfApi {}

/** Events the backend pushes for this domain. */
export type WhatIfEvent = never;
