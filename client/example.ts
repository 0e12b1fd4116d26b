// A typed client in ten lines: the operation and its result type come from client/generated.
import { print } from 'graphql';
import { StaffingGapTreeDocument, type StaffingGapTreeQuery } from './generated/graphql';

export async function gapTree(token: string, unitCode: string, year: number): Promise<StaffingGapTreeQuery['staffingGap']> {
  const response = await fetch('http://localhost:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(StaffingGapTreeDocument), variables: { unitCode, year } }),
  });
  const { data, errors } = (await response.json()) as { data?: StaffingGapTreeQuery; errors?: Array<{ message: string }> };
  if (!data) throw new Error(errors?.[0]?.message ?? 'no data');
  return data.staffingGap; // typed: .gap, .children[i].unit.name, …
}
