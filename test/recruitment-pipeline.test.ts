import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { startTestServer, TestServer } from './helpers/harness';
import { addPosition, addUnit, competencyIds, daysAgo } from './helpers/recruitment-world';

/**
 * The pipeline as the contract states it: moveApplication takes any stage but HIRED, so a move
 * may skip stages forward; makeOffer has no precondition but a live application. What stays:
 * no move back, final stages stay final, OFFER only through makeOffer, HIRED only through
 * hireCandidate, and every move in the stage history.
 */
describe('the recruitment pipeline', () => {
  let server: TestServer;
  let hr: string;
  let positionId: string;

  const APPLY = `mutation($input: ApplyInput!) { applyToVacancy(input: $input) { application { id stage } userErrors { code message } } }`;
  const MOVE = `mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { application { stage vacancy { status } } userErrors { code message field } } }`;
  const OFFER = `mutation($input: MakeOfferInput!) { makeOffer(input: $input) { offer { id status application { stage vacancy { status } } } userErrors { code message field } } }`;
  const HISTORY = `query($id: ID!) { node(id: $id) { ... on Application { stage history { fromStage toStage changedBy } } } }`;

  beforeAll(async () => {
    server = await startTestServer();
    hr = await server.token(Role.HR_OFFICER, 'PIPE');
    const comp = await competencyIds(server.sql, ['DATA']);
    const province = await addUnit(server.sql, 'PIPE', 'PROVINCE', null);
    const ward = await addUnit(server.sql, 'PIPE.W', 'WARD', province, 5);
    const position = await addPosition(server.sql, ward, 'DATA_SCIENTIST', { DATA: 3 }, comp);
    // Room for a vacancy per case.
    await server.sql('update position set headcount = 10 where id = ?', [position]);
    positionId = toGlobalId('Position', position);
  });
  afterAll(() => server.close());

  /** A fresh vacancy with one application at APPLIED. */
  async function freshApplication(name: string): Promise<{ vacancy: string; application: string }> {
    const opened = await server.gql(
      `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { vacancy { id status } userErrors { code } } }`,
      { input: { positionId, openedOn: daysAgo(30) } },
      hr,
    );
    expect(opened.data.openVacancy.userErrors).toEqual([]);
    const vacancy = opened.data.openVacancy.vacancy.id;
    const created = await server.gql(
      `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } userErrors { code } } }`,
      { input: { fullName: name, currentSector: 'PRIVATE', competencies: [{ competencyCode: 'DATA', level: 3 }] } },
      hr,
    );
    const applied = await server.gql(APPLY, { input: { candidateId: created.data.createCandidate.candidate.id, vacancyId: vacancy, appliedOn: daysAgo(20) } }, hr);
    expect(applied.data.applyToVacancy.userErrors).toEqual([]);
    return { vacancy, application: applied.data.applyToVacancy.application.id };
  }

  async function historyOf(application: string): Promise<Array<[string | null, string]>> {
    const res = await server.gql(HISTORY, { id: application }, hr);
    expect(res.errors).toBeUndefined();
    return res.data.node.history.map((h: any) => [h.fromStage, h.toStage]);
  }

  const auditCount = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event`))[0].n;

  it('moves an application from APPLIED straight to INTERVIEW, the vacancy to INTERVIEWING, and records the one move', async () => {
    const { application } = await freshApplication('Nhảy Cóc');
    const moved = await server.gql(MOVE, { input: { applicationId: application, stage: 'INTERVIEW' } }, hr);
    expect(moved.data.moveApplication).toEqual({ application: { stage: 'INTERVIEW', vacancy: { status: 'INTERVIEWING' } }, userErrors: [] });
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'INTERVIEW']]);
    const [audit] = await server.sql<{ changes: string }>(`select changes::text from audit_event where operation = 'moveApplication' order by id desc limit 1`);
    expect(JSON.parse(audit.changes)).toEqual({ applicationId: application, stage: 'INTERVIEW' });
  });

  it('refuses a move back, to the same stage, to OFFER or to HIRED, says why, and changes nothing', async () => {
    const { application } = await freshApplication('Không Lùi');
    await server.gql(MOVE, { input: { applicationId: application, stage: 'INTERVIEW' } }, hr);
    const before = await auditCount();
    const refusals: Record<string, string> = {
      SCREENING: 'An application moves only forward: it is at INTERVIEW, which comes after SCREENING',
      APPLIED: 'An application moves only forward: it is at INTERVIEW, which comes after APPLIED',
      INTERVIEW: 'The application is already INTERVIEW',
      OFFER: 'An application reaches OFFER when an offer is made (makeOffer)',
      HIRED: 'HIRED is reached only through hireCandidate',
    };
    for (const [stage, message] of Object.entries(refusals)) {
      const res = await server.gql(MOVE, { input: { applicationId: application, stage } }, hr);
      expect({ stage, payload: res.data.moveApplication }).toEqual({ stage, payload: { application: null, userErrors: [{ code: 'INVALID_STATE', message, field: ['input', 'stage'] }] } });
    }
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'INTERVIEW']]);
    expect(await auditCount()).toBe(before);

    // Rejection stays open from any live stage, and is final.
    const rejected = await server.gql(MOVE, { input: { applicationId: application, stage: 'REJECTED' } }, hr);
    expect(rejected.data.moveApplication).toEqual({ application: { stage: 'REJECTED', vacancy: { status: 'INTERVIEWING' } }, userErrors: [] });
    const revived = await server.gql(MOVE, { input: { applicationId: application, stage: 'INTERVIEW' } }, hr);
    expect(revived.data.moveApplication.userErrors).toEqual([{ code: 'INVALID_STATE', message: 'The application is REJECTED; that is final', field: ['input', 'stage'] }]);
  });

  it('makes an offer straight from APPLIED (a direct intake): the application to OFFER, the vacancy to OFFERED, through to a hire', async () => {
    const { vacancy, application } = await freshApplication('Tiếp Nhận Thẳng');
    const offered = await server.gql(OFFER, { input: { applicationId: application, monthlyPay: 15000000, offeredOn: daysAgo(10) } }, hr);
    expect(offered.data.makeOffer.userErrors).toEqual([]);
    expect(offered.data.makeOffer.offer).toMatchObject({ status: 'PENDING', application: { stage: 'OFFER', vacancy: { status: 'OFFERED' } } });
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'OFFER']]);

    // Another application reaching INTERVIEW leaves an OFFERED vacancy OFFERED.
    const other = await server.gql(
      `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`,
      { input: { fullName: 'Người Thứ Hai' } },
      hr,
    );
    const second = await server.gql(APPLY, { input: { candidateId: other.data.createCandidate.candidate.id, vacancyId: vacancy, appliedOn: daysAgo(15) } }, hr);
    const interviewed = await server.gql(MOVE, { input: { applicationId: second.data.applyToVacancy.application.id, stage: 'INTERVIEW' } }, hr);
    expect(interviewed.data.moveApplication).toEqual({ application: { stage: 'INTERVIEW', vacancy: { status: 'OFFERED' } }, userErrors: [] });

    const accepted = await server.gql(
      `mutation($input: DecideOfferInput!) { decideOffer(input: $input) { offer { status } userErrors { code } } }`,
      { input: { offerId: offered.data.makeOffer.offer.id, accepted: true, decidedOn: daysAgo(8) } },
      hr,
    );
    expect(accepted.data.decideOffer).toEqual({ offer: { status: 'ACCEPTED' }, userErrors: [] });
    const hired = await server.gql(
      `mutation($input: HireCandidateInput!) { hireCandidate(input: $input) {
        assignment { id kind person { fullName competencyHistory { source } } } filledVacancy { id status filledBy { id } } userErrors { code message } } }`,
      { input: { applicationId: application, startDate: daysAgo(0) } }, // today: this year's quota
      hr,
    );
    const payload = hired.data.hireCandidate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.assignment).toMatchObject({ kind: 'PRIMARY', person: { fullName: 'Tiếp Nhận Thẳng' } });
    // The hire's levels are recorded with source HIRE; the vacancy names the assignment that filled it.
    expect(payload.assignment.person.competencyHistory).toEqual([{ source: 'HIRE' }]);
    expect(payload.filledVacancy).toEqual({ id: vacancy, status: 'FILLED', filledBy: { id: payload.assignment.id } });
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'OFFER'], ['OFFER', 'HIRED']]);
    // The other candidate of the filled vacancy hears so: REJECTED, with the reason recorded.
    const rest = await server.gql(`query($id: ID!) { node(id: $id) { ... on Application { stage history { toStage note } } } }`, { id: second.data.applyToVacancy.application.id }, hr);
    expect(rest.data.node.stage).toBe('REJECTED');
    expect(rest.data.node.history.at(-1)).toEqual({ toStage: 'REJECTED', note: expect.stringContaining('filled') });
  });

  it('makes an offer from SCREENING, the vacancy to OFFERED; an application at OFFER does not move back to INTERVIEW', async () => {
    const { application } = await freshApplication('Từ Sơ Tuyển');
    const screened = await server.gql(MOVE, { input: { applicationId: application, stage: 'SCREENING' } }, hr);
    expect(screened.data.moveApplication).toEqual({ application: { stage: 'SCREENING', vacancy: { status: 'OPEN' } }, userErrors: [] });
    const offered = await server.gql(OFFER, { input: { applicationId: application, monthlyPay: 15000000 } }, hr);
    expect(offered.data.makeOffer.userErrors).toEqual([]);
    expect(offered.data.makeOffer.offer.application).toEqual({ stage: 'OFFER', vacancy: { status: 'OFFERED' } });
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'SCREENING'], ['SCREENING', 'OFFER']]);

    const back = await server.gql(MOVE, { input: { applicationId: application, stage: 'INTERVIEW' } }, hr);
    expect(back.data.moveApplication.userErrors).toEqual([
      { code: 'INVALID_STATE', message: 'An application moves only forward: it is at OFFER, which comes after INTERVIEW', field: ['input', 'stage'] },
    ]);
  });

  it('makes no offer on a final application', async () => {
    const { application } = await freshApplication('Đã Rút');
    const withdrawn = await server.gql(MOVE, { input: { applicationId: application, stage: 'WITHDRAWN' } }, hr);
    expect(withdrawn.data.moveApplication.application.stage).toBe('WITHDRAWN');
    const before = await server.sql<{ n: number }>(`select count(*)::int as n from offer`);
    const offered = await server.gql(OFFER, { input: { applicationId: application, monthlyPay: 15000000 } }, hr);
    expect(offered.data.makeOffer).toEqual({
      offer: null,
      userErrors: [{ code: 'INVALID_STATE', message: 'The application is WITHDRAWN; that is final, so it takes no offer', field: ['input', 'applicationId'] }],
    });
    expect(await server.sql<{ n: number }>(`select count(*)::int as n from offer`)).toEqual(before);
    expect(await historyOf(application)).toEqual([[null, 'APPLIED'], ['APPLIED', 'WITHDRAWN']]);
  });
});
