import { createContext, useContext } from 'react';
import type { KalmApi } from '../shared/contract';
import { api } from './api';

/** The api the UI talks to; tests provide an in-memory one. */
export const ApiContext = createContext<KalmApi>(api);

export const useApi = (): KalmApi => useContext(ApiContext);
